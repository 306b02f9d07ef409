--
-- Name: pub plain; Type: PUBLICATION TABLE; Schema: public; Owner: postgres
--

ALTER PUBLICATION pub ADD TABLE ONLY public.plain;


