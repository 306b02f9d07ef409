--
-- Name: MixedCase; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."MixedCase" (
    "Id" integer,
    "Some Col" text
);


ALTER TABLE public."MixedCase" OWNER TO postgres;

