--
-- Name: Seq "Q"; Type: SEQUENCE; Schema: Sales; Owner: postgres
--

CREATE SEQUENCE "Sales"."Seq ""Q"""
    START WITH 5
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE "Sales"."Seq ""Q""" OWNER TO postgres;

