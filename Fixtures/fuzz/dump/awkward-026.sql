--
-- Name: empty; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.empty (
    a integer
);


ALTER TABLE public.empty OWNER TO postgres;

