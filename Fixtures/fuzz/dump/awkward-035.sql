--
-- Name: new line; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."new
line" (
    a integer
);


ALTER TABLE public."new
line" OWNER TO postgres;

