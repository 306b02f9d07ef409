--
-- Name: lookalike; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.lookalike (
    line text
);


ALTER TABLE public.lookalike OWNER TO postgres;

