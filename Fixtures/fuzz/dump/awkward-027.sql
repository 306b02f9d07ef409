--
-- Name: ft; Type: FOREIGN TABLE; Schema: public; Owner: postgres
--

CREATE FOREIGN TABLE public.ft (
    a integer
)
SERVER srv;


ALTER FOREIGN TABLE public.ft OWNER TO postgres;

