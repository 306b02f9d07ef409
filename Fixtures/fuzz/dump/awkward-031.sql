--
-- Name: m2024; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.m2024 (
    id integer,
    at date NOT NULL,
    v numeric
);


ALTER TABLE public.m2024 OWNER TO postgres;

