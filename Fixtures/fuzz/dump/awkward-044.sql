--
-- Name: 日本; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."日本" (
    "列" text
);


ALTER TABLE public."日本" OWNER TO postgres;

