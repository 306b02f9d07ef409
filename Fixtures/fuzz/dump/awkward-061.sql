--
-- Name: ghost_in_copy; Type: TABLE; Schema: public; Owner: postgres
--

SET default_tablespace = '';
--
-- TOC entry 9999 (class 1259 OID 1)
-- Data for Name: ghost_in_copy; Type: TABLE DATA; Schema: public; Owner: postgres
--
-- PostgreSQL database dump complete
--
\\.
COPY public.ghost (a) FROM stdin;
\.


