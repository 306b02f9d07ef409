--
-- Name: COLUMN "Order Items"."from"; Type: ACL; Schema: Sales; Owner: postgres
--

GRANT SELECT("from") ON TABLE "Sales"."Order Items" TO reader;


