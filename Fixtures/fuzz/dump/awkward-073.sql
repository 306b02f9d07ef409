--
-- Name: Seq "Q"; Type: SEQUENCE SET; Schema: Sales; Owner: postgres
--

SELECT pg_catalog.setval('"Sales"."Seq ""Q"""', 42, true);


