--
-- Data for Name: 日本; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."日本" ("列") FROM stdin;
東京
大阪
\.


