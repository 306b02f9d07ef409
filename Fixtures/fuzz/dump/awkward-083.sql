--
-- Name: m "2025"_at_idx; Type: INDEX ATTACH; Schema: Sales; Owner: postgres
--

ALTER INDEX public.measurements_at ATTACH PARTITION "Sales"."m ""2025""_at_idx";


