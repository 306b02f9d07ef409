--
-- Data for Name: new line; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."new
line" (a) FROM stdin;
1
2
3
4
5
\.


