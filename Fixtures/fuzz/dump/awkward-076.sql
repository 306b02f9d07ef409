--
-- Name: plain note_len; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE public.plain
    ADD CONSTRAINT note_len CHECK ((length(note) < 100)) NOT VALID;


