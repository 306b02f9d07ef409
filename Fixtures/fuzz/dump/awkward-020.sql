--
-- Name: My "T"; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."My ""T""" (
    a integer
);


ALTER TABLE public."My ""T""" OWNER TO postgres;

