--
-- Data for Name: scratch; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.scratch (a) FROM stdin;
1
\.


