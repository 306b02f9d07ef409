--
-- Data for Name: m "2025"; Type: TABLE DATA; Schema: Sales; Owner: postgres
--

COPY "Sales"."m ""2025""" (id, at, v) FROM stdin;
\.


