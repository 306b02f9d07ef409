--
-- Name: Order Items_id_seq; Type: SEQUENCE SET; Schema: Sales; Owner: postgres
--

SELECT pg_catalog.setval('"Sales"."Order Items_id_seq"', 250, true);


