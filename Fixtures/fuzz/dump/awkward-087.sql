--
-- Name: select Trg on select; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER "Trg on select" BEFORE INSERT OR UPDATE OF "from" ON public."select" FOR EACH ROW EXECUTE FUNCTION public.trg();


