--
-- Name: café; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."café" (
    a integer
);


ALTER TABLE public."café" OWNER TO postgres;

