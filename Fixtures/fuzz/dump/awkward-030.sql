--
-- Name: ghost_in_string; Type: TABLE; Schema: public; Owner: postgres
--

';


