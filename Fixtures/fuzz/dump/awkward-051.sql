--
-- Data for Name: dup; Type: TABLE DATA; Schema: other; Owner: postgres
--

COPY other.dup (b) FROM stdin;
1
2
\.


