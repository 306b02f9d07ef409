--
-- Data for Name: x; Type: TABLE; Schema: x; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."x; Type: TABLE; Schema: x" (a) FROM stdin;
1
2
3
\.


