--
-- Name: dot.ted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."dot.ted" (
    a integer
);


ALTER TABLE public."dot.ted" OWNER TO postgres;

