--
-- Data for Name: My "T"; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."My ""T""" (a) FROM stdin;
1
2
\.


