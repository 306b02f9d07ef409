--
-- Name: plain; Type: ROW SECURITY; Schema: public; Owner: postgres
--

ALTER TABLE public.plain ENABLE ROW LEVEL SECURITY;

