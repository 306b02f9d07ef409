--
-- Name: Order Items_id_seq; Type: SEQUENCE; Schema: Sales; Owner: postgres
--

ALTER TABLE "Sales"."Order Items" ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME "Sales"."Order Items_id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


