--
-- Name: measurements; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.measurements (
    id integer,
    at date NOT NULL,
    v numeric
)
PARTITION BY RANGE (at);


ALTER TABLE public.measurements OWNER TO postgres;

