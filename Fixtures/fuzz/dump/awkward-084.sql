--
-- Name: m2024_at_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.measurements_at ATTACH PARTITION public.m2024_at_idx;


