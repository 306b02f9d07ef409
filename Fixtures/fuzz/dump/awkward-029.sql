--
-- Name: TABLE lookalike; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.lookalike IS '
