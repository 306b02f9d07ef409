--
-- Name: plain p 1; Type: POLICY; Schema: public; Owner: postgres
--

CREATE POLICY "p 1" ON public.plain USING (true);


