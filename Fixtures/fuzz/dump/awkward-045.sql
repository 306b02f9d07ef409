--
-- Name: t; x; Type: TABLE; Schema: we.ird; schema; Owner: postgres
--

CREATE TABLE "we.ird; schema"."t; x" (
    a integer
);


ALTER TABLE "we.ird; schema"."t; x" OWNER TO postgres;

