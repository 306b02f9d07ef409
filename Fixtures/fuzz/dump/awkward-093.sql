--
-- Name: SCHEMA "Sales"; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA "Sales" TO reader;


