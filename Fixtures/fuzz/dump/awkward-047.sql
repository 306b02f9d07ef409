--
-- Name: m2024; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.measurements ATTACH PARTITION public.m2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');


