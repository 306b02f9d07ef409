--
-- Data for Name: MixedCase; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."MixedCase" ("Id", "Some Col") FROM stdin;
1	v1
2	v2
3	v3
4	v4
5	v5
6	v6
7	v7
8	v8
9	v9
10	v10
11	v11
12	v12
\.


