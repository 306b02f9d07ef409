--
-- Data for Name: dropped; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.dropped (a, c) FROM stdin;
1	x
\.


