--
-- Name: x; Type: TABLE; Schema: x; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."x; Type: TABLE; Schema: x" (
    a integer
);


ALTER TABLE public."x; Type: TABLE; Schema: x" OWNER TO postgres;

