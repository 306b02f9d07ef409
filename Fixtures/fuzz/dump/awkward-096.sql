--
-- Name: TABLE plain; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.plain TO reader;


