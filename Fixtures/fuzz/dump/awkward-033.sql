--
-- Name: TABLE plain; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.plain IS 'plain table';


