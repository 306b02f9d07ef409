--
-- Data for Name: select; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."select" ("from", "to") FROM stdin;
1	a
2	b
3	\N
\.


