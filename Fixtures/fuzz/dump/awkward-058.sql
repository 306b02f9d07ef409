--
-- Data for Name: dup; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.dup (a) FROM stdin;
1
\.


