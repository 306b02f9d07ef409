--
-- Name: semi;colon; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."semi;colon" (
    a integer
);


ALTER TABLE public."semi;colon" OWNER TO postgres;

