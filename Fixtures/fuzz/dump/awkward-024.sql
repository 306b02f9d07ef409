--
-- Name: dropped; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropped (
    a integer,
    c text
);


ALTER TABLE public.dropped OWNER TO postgres;

