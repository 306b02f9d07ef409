--
-- Data for Name: café; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."café" (a) FROM stdin;
1
\.


