--
-- Data for Name: dot.ted; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."dot.ted" (a) FROM stdin;
1
\.


