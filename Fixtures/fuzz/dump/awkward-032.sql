--
-- Name: plain; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plain (
    id integer NOT NULL,
    note text,
    m public.mood,
    p public.posint
);


ALTER TABLE public.plain OWNER TO postgres;

