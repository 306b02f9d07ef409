--
-- Name: select; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."select" (
    "from" integer,
    "to" text
);


ALTER TABLE public."select" OWNER TO postgres;

