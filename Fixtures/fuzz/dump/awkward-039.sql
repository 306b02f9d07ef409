--
-- Name: scratch; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.scratch (
    a integer
);


ALTER TABLE public.scratch OWNER TO postgres;

