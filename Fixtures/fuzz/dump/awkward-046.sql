--
-- Name: m "2025"; Type: TABLE ATTACH; Schema: Sales; Owner: postgres
--

ALTER TABLE ONLY public.measurements ATTACH PARTITION "Sales"."m ""2025""" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');


