--
-- Name: plain_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.plain_id_seq', 1500, true);


