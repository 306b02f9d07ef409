--
-- Data for Name: t; x; Type: TABLE DATA; Schema: we.ird; schema; Owner: postgres
--

COPY "we.ird; schema"."t; x" (a) FROM stdin;
7
\.


