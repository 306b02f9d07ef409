--
-- Data for Name: semi;colon; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."semi;colon" (a) FROM stdin;
1
2
3
4
\.


