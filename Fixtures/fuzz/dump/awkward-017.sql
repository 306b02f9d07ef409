--
-- Name: m "2025"; Type: TABLE; Schema: Sales; Owner: postgres
--

CREATE TABLE "Sales"."m ""2025""" (
    id integer,
    at date NOT NULL,
    v numeric
);


ALTER TABLE "Sales"."m ""2025""" OWNER TO postgres;

